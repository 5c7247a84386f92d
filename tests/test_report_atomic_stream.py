from __future__ import annotations

import pytest

from reports.atomic import atomic_stream


def test_a_stream_replaces_the_file_only_when_it_ends_cleanly(tmp_path):
    target = tmp_path / "reports" / "run-1.json"
    with atomic_stream(target) as stream:
        stream.writelines(["{", '"a": 1', "}"])
        assert not target.exists()
    assert target.read_text(encoding="utf-8") == '{"a": 1}'
    with pytest.raises(RuntimeError), atomic_stream(target) as stream:
        stream.write("half")
        raise RuntimeError("renderer crashed")
    assert target.read_text(encoding="utf-8") == '{"a": 1}'
    assert [p.name for p in target.parent.iterdir()] == ["run-1.json"]
