"""config/service.yaml: defaults, and problems reported with the file and line."""

from __future__ import annotations

import pytest

from crawler.web.config import ServiceConfig, load_service_config
from crawler.yamlconfig import ConfigFileError


def test_every_field_has_a_default():
    config = load_service_config("service: {}\n")
    assert config == ServiceConfig()
    assert config.policy.allowed == ()
    assert config.audit_limits().time_limit_s == 10


def test_limits_and_allow_list_become_the_auditor_and_fetch_settings():
    config = load_service_config(
        "service:\n  allow_networks: [127.0.0.1/32, '10.20.0.0/16']\n"
        "  limits:\n    request_timeout_s: 4\n    max_concurrent_audits: 3\n"
        "  fetch:\n    timeout_s: 9\n    max_page_mb: 2\n"
    )
    assert [str(n) for n in config.policy.allowed] == ["127.0.0.1/32", "10.20.0.0/16"]
    assert config.audit_limits().max_concurrent == 3
    options = config.fetch_options()
    assert options.timeout_s == 4, "a download never outlives the request's time limit"
    assert options.max_bytes == 2 * 1024 * 1024 and options.allowed_networks == ("127.0.0.1/32", "10.20.0.0/16")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("service:\n  allow_networks:\n    - 10.0.0.0/8\n    - 10.0.0.0/33\n", "service.yaml:2: service.allow_networks: '10.0.0.0/33' is not an IP network"),
        ("service:\n  limits:\n    burst: 0\n", "service.yaml:3: service.limits.burst"),
        ("service:\n  limits:\n    brust: 3\n", "service.yaml:3: service.limits.brust: unknown field; did you mean `burst`?"),
        ("service:\n  token_required_for: everyone\n", "service.yaml:2: service.token_required_for"),
        ("service: [\n", "service.yaml:"),
    ],
)
def test_problems_name_the_file_and_line(text, expected):
    with pytest.raises(ConfigFileError) as raised:
        load_service_config(text, "service.yaml")
    assert str(raised.value).startswith(expected), str(raised.value)
