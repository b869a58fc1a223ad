using Microsoft.AspNetCore.Identity;
using NodaTime;
using Roster.Api.Accounts;
using Roster.Api.Problems;
using Roster.Core.Passwords;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Imports;

/// <summary>
/// The accounts of a staff list: a row with a username gets an account for that person (staff on the person's unit,
/// password to be changed at the first sign-in) unless the person already has it. A username taken by anyone else is a
/// row error. One-time passwords come back once, on the account slips.
/// </summary>
internal sealed class PeopleImportAccounts(IPasswordHasher<AccountRow> hasher)
{
    public static async Task<AccountPlan> PlanAsync(DbWork work, IReadOnlyList<PlannedPerson> plan, ImportOutcome outcome, CancellationToken ct)
    {
        var result = new AccountPlan();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in plan.Where(p => p.Username is not null))
        {
            var errors = new FieldErrors();
            var username = AccountValidation.Username(errors, person.Username);
            if (errors.Any)
            {
                outcome.Errors.Add(new ImportRowError(person.Row, PeopleColumns.Username.Key,
                    $"账号“{person.Username}”须为3–64个字母、数字或 . _ - @ · username '{person.Username}' must be 3 to 64 letters, digits, '.', '_', '-' or '@'"));
                continue;
            }

            if (seen.TryGetValue(username, out var first))
            {
                outcome.Errors.Add(new ImportRowError(person.Row, PeopleColumns.Username.Key,
                    $"账号“{username}”与第{first}行重复 · username '{username}' repeats row {first}"));
                continue;
            }

            seen[username] = person.Row;
            var account = await AccountStore.FindByUsernameAsync(work, username, ct);
            if (account is null)
            {
                result.Create.Add(person);
            }
            else if (person.Existing is not null && account.PersonId == person.Existing.Id)
            {
                result.Unchanged++;
            }
            else
            {
                outcome.Errors.Add(new ImportRowError(person.Row, PeopleColumns.Username.Key,
                    $"账号“{username}”已被他人使用 · username '{username}' is already taken"));
            }
        }

        return result;
    }

    /// <summary>Creates the planned accounts, each with a staff grant on its person's unit, and writes their slips.</summary>
    public async Task CreateAsync(
        DbWork work, AccountPlan plan, IReadOnlyDictionary<string, Guid> newPeople, UnitPaths paths, ImportOutcome outcome, Instant now,
        CancellationToken ct)
    {
        var accounts = plan.Create.Select(p => (Person: p, Password: OneTimePassword.New(p.Username!))).ToList();
        var hashes = new string[accounts.Count];

        // Hashing is deliberately slow (PBKDF2); a school's list of accounts hashes on every core.
        Parallel.For(0, accounts.Count, i =>
            hashes[i] = hasher.HashPassword(new AccountRow { Username = accounts[i].Person.Username! }, accounts[i].Password));
        for (var i = 0; i < accounts.Count; i++)
        {
            var (planned, password) = accounts[i];
            var person = planned.Person;
            var personId = planned.Existing?.Id ?? newPeople[person.StaffNumber!];
            var id = await AccountStore.InsertAsync(
                work, new NewAccount(planned.Username!, hashes[i], person.Name, personId, PasswordChangeRequired: true), now, ct);
            await AccountStore.GrantAsync(work, id, person.UnitId, GrantRoles.Staff, ct);
            outcome.Slips.Add(new AccountSlip(
                person.Name, person.StaffNumber!, paths.PathOf(person.UnitId), paths.NameOf(person.UnitId), planned.Username!, password));
        }
    }
}
