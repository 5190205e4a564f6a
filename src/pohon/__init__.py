"""pohon: keep a government agency's performance tree as code and compile its documents."""

__version__ = "0.1.0"
