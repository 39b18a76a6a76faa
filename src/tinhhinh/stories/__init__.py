"""Hot issues: stories (online clustering), bursts, places, summaries. See docs/stories.md."""
