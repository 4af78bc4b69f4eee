#!/usr/bin/env python
from kansrijk.__main__ import main

if __name__ == "__main__":
    main()
