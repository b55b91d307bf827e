"""Who the crawler says it is: the user agent is derived from ``ARCHIVER_CONTACT`` in one place,
so ``archiver crawl --contact``, ``scrapy crawl listicle -s ARCHIVER_CONTACT=...`` and the
warcinfo record's ``operator`` always agree.

Called from the spider's ``update_settings``: it runs once every source (settings module,
command line, the spider's own settings) has been merged, before the spider is built (the
warcinfo record is made in ``from_crawler``) and before any component reads the settings.
Scrapy add-ons run later than ``from_crawler``, too late for the warcinfo record.
"""

from __future__ import annotations

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings

from archiver.settings import USER_AGENT as DEFAULT_USER_AGENT
from archiver.settings import user_agent


def derive_user_agent(settings: BaseSettings) -> None:
    """Set ``USER_AGENT`` from ``ARCHIVER_CONTACT`` unless the user agent itself was chosen:
    given on the command line or by a spider, or named in a settings module other than ours."""
    priority = settings.getpriority("USER_AGENT") or 0
    chosen = priority > SETTINGS_PRIORITIES["project"] or (
        priority == SETTINGS_PRIORITIES["project"] and settings.get("USER_AGENT") != DEFAULT_USER_AGENT
    )
    if not chosen:
        # At the spider's priority: ``scrapy crawl`` merges the project settings into the
        # crawler's again after this, which would put back a value set at project priority.
        settings.set("USER_AGENT", user_agent(str(settings.get("ARCHIVER_CONTACT"))), priority="spider")
