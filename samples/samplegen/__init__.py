"""Generator of the sample dossiers (see samples/README.md). Run samples/make_samples.py."""
