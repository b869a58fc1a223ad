#!/usr/bin/env bash
# Writes the secrets deploy/compose.yaml mounts into deploy/secrets/ (git ignores it): created under umask 077, so no
# other user can read them at any moment. Existing files are kept. Run as root to hand each file to the user id of the
# container that reads it (compose mounts secret files with their owner and mode as they are on the host).
set -euo pipefail
umask 077
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets"
mkdir -p "$dir"
random() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
write() { [ -s "$dir/$1" ] || printf '%s' "$2" >"$dir/$1"; }

write pg_superuser_password "$(random)"
# The superuser (only the migrate service holds it), the owner (migrations) and the application (rows only).
write ConnectionStrings__Admin "Host=postgres;Port=5432;Database=postgres;Username=postgres;Password=$(cat "$dir/pg_superuser_password")"
write ConnectionStrings__Migrations "Host=postgres;Port=5432;Database=roster;Username=roster_owner;Password=$(random)"
write ConnectionStrings__Roster "Host=postgres;Port=5432;Database=roster;Username=roster_app;Password=$(random)"
write Auth__SigningKey "$(random)$(random)"
write Observability__ScrapeToken "$(random)"

if [ "$(id -u)" = 0 ]; then
  # 999: postgres in the postgres image; 1654: app in the .NET images.
  chown 999 "$dir/pg_superuser_password"
  chown 1654 "$dir/ConnectionStrings__Admin" "$dir/ConnectionStrings__Migrations" "$dir/ConnectionStrings__Roster" \
    "$dir/Auth__SigningKey" "$dir/Observability__ScrapeToken"
else
  echo "not root: chown deploy/secrets/pg_* to 999 and the others to 1654 before 'docker compose up'." >&2
fi
echo "secrets in $dir"
