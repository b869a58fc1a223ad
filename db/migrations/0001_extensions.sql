-- btree_gist lets an exclusion constraint combine equality on ids with overlap on time ranges.
CREATE EXTENSION IF NOT EXISTS btree_gist;
