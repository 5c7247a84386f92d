"""`python -m crawler`: the content-audit CLI (the scheduler runs each crawl this way)."""

from crawler.cli import main

main()
