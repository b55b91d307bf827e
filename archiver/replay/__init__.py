"""Replay of what a crawl archived: a pywb collection over the output folder's WARC files
(``archiver replay``) and the links into a replay that other views make."""
