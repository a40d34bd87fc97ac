"""The whole curated dataset as versioned JSON: exportdata and importdata."""
