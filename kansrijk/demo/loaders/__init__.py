"""One loader per capability; each is idempotent and uses its app's services."""

from kansrijk.demo.loaders import organisations

LOADERS = [organisations.load]
