// Placeholder module boundary: implemented by the compression work (see issue).
