using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage;
using Roster.Core.Storage.Rosters;
using Roster.Core.Storage.Units;

namespace Roster.Api.Imports;

/// <summary>
/// Setting a bureau up from spreadsheets: templates, and imports of units and of the staff list (花名册) into a unit's
/// subtree. <c>dryRun</c> defaults to true: a dry run checks every row and writes nothing; <c>dryRun=false</c> writes
/// everything in one transaction, or nothing when any row is wrong (422 listing every row error).
/// </summary>
internal static class ImportEndpoints
{
    public static void MapImports(this ApiGroups groups)
    {
        var api = groups.Work;
        api.MapGet("/imports/people-template.xlsx", () => TypedResults.File(
            ImportTemplates.Write(PeopleColumns.All, "花名册 Staff"), ImportTemplates.ContentType, "people-template.xlsx")).WithTags("Imports");
        api.MapGet("/imports/units-template.xlsx", () => TypedResults.File(
            ImportTemplates.Write(UnitColumns.All, "单位 Units"), ImportTemplates.ContentType, "units-template.xlsx")).WithTags("Imports");
        api.MapPost("/units/{unitId:guid}/people:import", PeopleAsync).WithTags("Imports");
        api.MapPost("/units/{unitId:guid}/units:import", UnitsAsync).WithTags("Imports");
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> PeopleAsync(
        Guid unitId, bool? dryRun, HttpRequest http, AccessScope access, Auditor audit, IClock clock, PeopleImportAccounts accounts,
        RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await TargetAsync(work, unitId, access, http, ct)).Failed(out var problem, out var target))
        {
            return problem;
        }

        var (unit, (bytes, fileName)) = target;
        var fileErrors = new List<ImportRowError>();
        var table = Upload.Parse(bytes, fileName, fileErrors);
        if (table is null)
        {
            var failed = new ImportOutcome();
            failed.Errors.AddRange(fileErrors);
            return ImportProblems.Rejected(failed, null);
        }

        var now = clock.GetCurrentInstant();
        await work.LockAsync("import:people", ct);
        var today = now.InZone(DateTimeZoneProviders.Tzdb[unit.TimeZone]).Date;
        var (outcome, plan, paths) = await PeopleImport.PlanAsync(work, unit, table, today, ct);
        outcome.Errors.InsertRange(0, fileErrors);
        var accountPlan = await PeopleImportAccounts.PlanAsync(work, plan, outcome, ct);
        if (dryRun != false)
        {
            return TypedResults.Ok(Respond(true, outcome, table.Encoding, accountPlan.Created, accountPlan.Unchanged, null));
        }

        if (outcome.Errors.Count > 0)
        {
            return ImportProblems.Rejected(outcome, table.Encoding);
        }

        var ids = await PeopleImport.ApplyAsync(work, plan, outcome, now, ct);
        await accounts.CreateAsync(work, accountPlan, ids, paths, outcome, now, ct);
        foreach (var changed in outcome.ChangedUnits)
        {
            await PublishedRosterChanges.AfterPeopleChangedAsync(work, changed, now, ct);
        }

        await audit.RecordAsync(work, unitId, "people-import", unitId, "import", null, new
        {
            fileName, outcome.Rows, outcome.Created, outcome.Updated, outcome.Unchanged,
            staffNumbers = plan.Where(p => p.Existing is null || p.Changed).Select(p => p.Person.StaffNumber).ToList(),
            accounts = outcome.Slips.Select(s => s.Username).ToList(),
        }, ct);
        var slips = outcome.Slips.Count == 0 ? null : Convert.ToBase64String(AccountSlips.Write(outcome.Slips));
        return TypedResults.Ok(Respond(false, outcome, table.Encoding, outcome.Slips.Count, accountPlan.Unchanged, slips));
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> UnitsAsync(
        Guid unitId, bool? dryRun, HttpRequest http, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if ((await TargetAsync(work, unitId, access, http, ct)).Failed(out var problem, out var target))
        {
            return problem;
        }

        var (unit, (bytes, fileName)) = target;
        var outcome = new ImportOutcome();
        var table = Upload.Parse(bytes, fileName, outcome.Errors);
        if (table is null)
        {
            return ImportProblems.Rejected(outcome, null);
        }

        await work.LockAsync(UnitStore.TreeLockKey, ct);
        var commit = dryRun == false;
        outcome = await UnitsImport.RunAsync(work, unit, table, commit, clock.GetCurrentInstant(), ct);
        if (!commit)
        {
            return TypedResults.Ok(Respond(true, outcome, table.Encoding, 0, 0, null));
        }

        if (outcome.Errors.Count > 0)
        {
            return ImportProblems.Rejected(outcome, table.Encoding);
        }

        await audit.RecordAsync(work, unitId, "units-import", unitId, "import", null,
            new { fileName, outcome.Rows, outcome.Created, outcome.Updated, outcome.Unchanged }, ct);
        return TypedResults.Ok(Respond(false, outcome, table.Encoding, 0, 0, null));
    }

    /// <summary>The unit imported into and the uploaded file: 404 when the caller cannot see the unit, 403 when they see
    /// it but do not administer it, else the upload's own problem (see <see cref="Upload.ReadAsync"/>).</summary>
    private static async Task<Found<(UnitRow Unit, UploadedFile File)>> TargetAsync(
        DbWork work, Guid unitId, AccessScope access, HttpRequest http, CancellationToken ct)
    {
        var unit = await UnitStore.FindAsync(work, unitId, ct);
        if (unit is null || !await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        if (!await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of the unit may import into it.");
        }

        return (await Upload.ReadAsync(http, ct)).Failed(out var problem, out var file) ? problem : (unit, file);
    }

    private static ImportResponse Respond(bool dryRun, ImportOutcome outcome, string? encoding, int accounts, int unchangedAccounts, string? slips) => new(
        dryRun, outcome.Errors.Count == 0, outcome.Rows, outcome.Created, outcome.Updated, outcome.Unchanged, outcome.Errors, encoding,
        accounts + unchangedAccounts == 0 && slips is null
            ? null
            : new ImportAccountsResponse(accounts, unchangedAccounts, slips is null ? null : "account-slips.xlsx", slips),
        dryRun ? outcome.Preview : null);
}
