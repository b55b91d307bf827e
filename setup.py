"""Only for scrapyd-deploy, which builds its egg by running ``python setup.py bdist_egg`` and
writes a setup.py of its own into the checkout when there is none. Everything (the package, its
data, the ``scrapy`` settings entry point scrapyd reads) is declared in pyproject.toml."""

from setuptools import setup

setup()
