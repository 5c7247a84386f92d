"""The service's subcommands (crawl, demo, runs, diff, schedule), one module each."""
