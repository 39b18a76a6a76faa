"""tinhhinh: a desk that keeps a current picture of public Vietnamese information."""

__version__ = "0.1.0"
