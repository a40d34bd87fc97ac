"""The "Where do I stand?" page: a reader answers agree, disagree or skip on the stances an
election's candidates are on record on, and sees, per candidate, where their stored positions
agree, disagree, are mixed or are missing, with the quotes behind each. Nothing about the reader
is stored: the answers live in the page's address."""
