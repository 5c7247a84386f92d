import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from crawler.middlewares.retry_backoff import RetryBackoffMiddleware


def middleware(**settings) -> RetryBackoffMiddleware:
    return RetryBackoffMiddleware.from_crawler(get_crawler(settings_dict={"CONTENT_AUDIT_RETRY_BACKOFF": 1.0, "CONTENT_AUDIT_RETRY_BACKOFF_MAX": 30.0, **settings}))


@pytest.mark.parametrize(("retry_times", "delay"), [(0, 0.0), (1, 1.0), (2, 2.0), (3, 4.0), (6, 30.0)])
def test_delay_doubles_per_retry_up_to_the_cap(retry_times, delay):
    assert middleware().delay_for(retry_times) == delay


@pytest.mark.parametrize("settings", [{"CONTENT_AUDIT_RETRY_BACKOFF": 0}, {"RETRY_ENABLED": False}])
def test_disabled_without_a_backoff_or_without_retries(settings):
    with pytest.raises(NotConfigured):
        middleware(**settings)
