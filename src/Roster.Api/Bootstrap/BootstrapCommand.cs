using Microsoft.AspNetCore.Identity;
using NodaTime;
using Npgsql;
using Roster.Core.Passwords;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Auditing;
using Roster.Core.Storage.Units;

namespace Roster.Api.Bootstrap;

/// <summary>
/// Starts a real bureau on an installation: its root unit and its first account (admin and supervisor on the root) with a
/// one-time password, printed once. Refuses when a root unit exists, unless asked for another, independent root.
/// </summary>
internal static class BootstrapCommand
{
    /// <returns>The process exit code: 0 done, 1 refused, 2 bad arguments.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        var (arguments, problems) = BootstrapArguments.Parse(args);
        if (arguments is null)
        {
            foreach (var problem in problems)
            {
                await output.WriteLineAsync($"bootstrap: {problem}");
            }

            await output.WriteLineAsync(BootstrapArguments.Usage);
            return 2;
        }

        var db = services.GetRequiredService<NpgsqlDataSource>();
        var clock = services.GetRequiredService<IClock>();
        var hasher = services.GetRequiredService<IPasswordHasher<AccountRow>>();
        await using var work = await DbWork.BeginAsync(db, ct);
        // Two bootstraps at once must not both create "the" root: the first to lock the table decides.
        if (await UnitStore.LockAndCheckAnyAsync(work, ct) && !arguments.AnotherRoot)
        {
            await output.WriteLineAsync(
                "bootstrap: refused: this installation already has a root unit. Sign in as its administrator to add units and " +
                "accounts, or pass --another-root to start a second, independent bureau.");
            return 1;
        }

        if (await UnitStore.CodeExistsAsync(work, arguments.Code, ct))
        {
            await output.WriteLineAsync($"bootstrap: refused: the unit code '{arguments.Code}' is already in use; choose another --code.");
            return 1;
        }

        if (await AccountStore.FindByUsernameAsync(work, arguments.Username, ct) is not null)
        {
            await output.WriteLineAsync($"bootstrap: refused: the username '{arguments.Username}' is taken; choose another --username.");
            return 1;
        }

        var now = clock.GetCurrentInstant();
        var root = await UnitStore.InsertAsync(work, new UnitRow
        {
            Code = arguments.Code, Name = arguments.Bureau, NameEn = arguments.BureauEn, TimeZone = arguments.TimeZone, CreatedAt = now,
        }, ct);
        var password = OneTimePassword.New(arguments.Username);
        var accountId = await AccountStore.InsertAsync(work, new NewAccount(
            arguments.Username, hasher.HashPassword(new AccountRow { Username = arguments.Username }, password),
            arguments.Username, null, PasswordChangeRequired: true), now, ct);
        GrantRow[] grants = [new() { UnitId = root.Id, Role = GrantRoles.Admin }, new() { UnitId = root.Id, Role = GrantRoles.Supervisor }];
        await AccountStore.ReplaceGrantsAsync(work, accountId, grants, ct);
        await AuditAsync(work, now, root.Id, "unit", root.Id, $$"""{"code":{{Quote(root.Code)}},"name":{{Quote(root.Name)}},"timeZone":{{Quote(root.TimeZone)}}}""", ct);
        await AuditAsync(work, now, root.Id, "account", accountId,
            $$"""{"username":{{Quote(arguments.Username)}},"grants":[{"unitId":"{{root.Id}}","role":"admin"},{"unitId":"{{root.Id}}","role":"supervisor"}],"passwordChangeRequired":true}""", ct);
        await work.CommitAsync(ct);

        await output.WriteLineAsync($"""
            Created the root unit {root.Name} ({root.Code}, {root.TimeZone}), id {root.Id},
            and its first account, administrator and supervisor of it:
              username            {arguments.Username}
              one-time password   {password}
            This password is shown only now. Sign in with it (web page or POST /api/v1/auth/token) and choose your own:
            until then the account can only read /api/v1/me and change its password (POST /api/v1/me/password).
            """);
        return 0;
    }

    private static Task AuditAsync(DbWork work, Instant now, Guid unitId, string entity, Guid id, string after, CancellationToken ct) =>
        AuditStore.AppendAsync(work, new AuditEntry
        {
            At = now, ActorId = null, UnitId = unitId, Entity = entity, EntityId = id.ToString(), Action = "bootstrap", After = after,
        }, ct);

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
