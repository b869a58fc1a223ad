#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data folder: the application's login role owns its
# database (so it can migrate it, create the btree_gist extension, which is trusted, and Hangfire's and Quartz's
# tables) but is no superuser and can create neither roles nor databases.
set -euo pipefail
password=$(cat "$ROSTER_APP_PASSWORD_FILE")
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v password="$password" <<'SQL'
CREATE ROLE roster_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
CREATE DATABASE roster OWNER roster_app ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;
REVOKE ALL ON DATABASE roster FROM PUBLIC;
SQL
