"""Who the crawler says it is: the user agent is derived from ``ARCHIVER_CONTACT`` in one place,
so ``archiver crawl --contact``, ``scrapy crawl listicle -s ARCHIVER_CONTACT=...`` and the
warcinfo record's ``operator`` always agree.

A Scrapy add-on, because add-ons see the settings after every source (settings module,
command line, spider) has been merged and before any component reads them.
"""

from __future__ import annotations

from scrapy.settings import SETTINGS_PRIORITIES, Settings

from archiver.settings import USER_AGENT as DEFAULT_USER_AGENT
from archiver.settings import user_agent


class ContactUserAgent:
    """Sets ``USER_AGENT`` from ``ARCHIVER_CONTACT`` unless the user agent itself was chosen:
    given on the command line or by a spider, or named in a settings module other than ours."""

    def update_settings(self, settings: Settings) -> None:
        priority = settings.getpriority("USER_AGENT") or 0
        chosen = priority > SETTINGS_PRIORITIES["project"] or (
            priority == SETTINGS_PRIORITIES["project"] and settings.get("USER_AGENT") != DEFAULT_USER_AGENT
        )
        if not chosen:
            settings.set("USER_AGENT", user_agent(str(settings.get("ARCHIVER_CONTACT"))), priority="project")
