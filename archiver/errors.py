"""The one error type the extraction core raises for input it cannot turn into a record."""


class ParseError(ValueError):
    """The input is not an HTML document the extractor can read.

    Raised for empty input, binary data (images, archives, PDFs), documents over the size limit
    and URLs that are not absolute http(s). The message says which, so a command-line user or a
    rejects file can show it as is.
    """
