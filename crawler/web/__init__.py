"""The web service behind `content-audit serve`: app, routes, SSRF guard, limits and access log."""
