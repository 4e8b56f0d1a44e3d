"""``python -m geopolkg``: the same as the ``geopolkg`` command."""

from geopolkg.cli import main

if __name__ == "__main__":
    main()
