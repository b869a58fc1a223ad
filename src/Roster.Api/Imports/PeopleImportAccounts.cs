using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.Imports;

/// <summary>
/// The accounts of a staff list: a row with a username gets an account for that person (staff on the person's unit)
/// unless the person already has it. A username taken by anyone else is a row error.
/// </summary>
internal static class PeopleImportAccounts
{
    public static async Task<AccountPlan> PlanAsync(DbWork work, IReadOnlyList<PlannedPerson> plan, ImportOutcome outcome, CancellationToken ct)
    {
        var result = new AccountPlan();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in plan.Where(p => p.Username is not null))
        {
            var username = person.Username!;
            if (username.Length is < 3 or > 64 || !username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
            {
                outcome.Errors.Add(new ImportRowError(person.Row, PeopleColumns.Username.Key,
                    $"账号“{username}”须为3–64个字母、数字或 . - _ @ · username '{username}' must be 3–64 letters, digits or . - _ @"));
                continue;
            }

            if (seen.TryGetValue(username, out var first))
            {
                outcome.Errors.Add(new ImportRowError(person.Row, PeopleColumns.Username.Key,
                    $"账号“{username}”与第{first}行重复 · username '{username}' repeats row {first}"));
                continue;
            }

            seen[username] = person.Row;
            var account = await AccountStore.FindByUsernameAsync(work, username, ct).ConfigureAwait(false);
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
}
