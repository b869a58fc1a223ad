using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Reminders;
using Roster.Core.Storage.Reminders;

namespace Roster.Api.Notifications;

/// <summary>Reminder offsets and templates per unit: readable by the unit, changed by its admins.</summary>
internal static class ReminderSettingsEndpoints
{
    public static void MapReminderSettings(this ApiGroups groups)
    {
        groups.Work.MapGet("/units/{unitId:guid}/reminder-settings", GetAsync).WithTags("Notifications");
        groups.Work.MapPut("/units/{unitId:guid}/reminder-settings", PutAsync).WithTags("Notifications");
    }

    private static async Task<Results<Ok<ReminderSettingsResponse>, ProblemHttpResult>> GetAsync(
        Guid unitId, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if (!await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        var (settings, _) = await ReminderSettingsStore.GetAsync(work, unitId, ct);
        return TypedResults.Ok(ReminderSettingsResponse.From(unitId, settings));
    }

    /// <summary>Saves the settings and, in the same transaction, re-plans the reminders of the unit's published rosters.</summary>
    private static async Task<Results<Ok<ReminderSettingsResponse>, ProblemHttpResult>> PutAsync(
        Guid unitId, ReminderSettingsRequest request, AccessScope access, Auditor audit, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if (!await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        if (!await access.CanAdministerAsync(work, unitId, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of this unit may change its reminders.");
        }

        var settings = new ReminderSettings(
            [.. request.Offsets!.Distinct()], request.HandoverLead ?? ReminderSettings.Default.HandoverLead, request.TemplateZh, request.TemplateEn);
        var (previous, version) = await ReminderSettingsStore.GetAsync(work, unitId, ct);
        if (!await ReminderSettingsStore.SaveAsync(work, unitId, settings, version, ct))
        {
            return ApiProblems.Conflict("The settings were changed at the same time; retry.");
        }

        var published = await work.Connection.QueryAsync<Guid>(work.Command(
            "SELECT id FROM roster_versions WHERE unit_id = @unitId AND status = 'published'", new { unitId }, ct));
        foreach (var versionId in published)
        {
            await ReminderPlanner.SyncForVersionAsync(work, versionId, clock.GetCurrentInstant(), ct);
        }

        var body = ReminderSettingsResponse.From(unitId, settings);
        await audit.RecordAsync(work, unitId, "reminder-settings", unitId, "update", ReminderSettingsResponse.From(unitId, previous), body, ct);
        return TypedResults.Ok(body);
    }

    private static FieldErrors Validate(ReminderSettingsRequest request)
    {
        var errors = new FieldErrors();
        if (request.Offsets is null || request.Offsets.Count == 0)
        {
            errors.Add("offsets", "is required (at least one offset, e.g. PT24H)");
        }
        else if (request.Offsets.Count > 10)
        {
            errors.Add("offsets", "must have at most 10 entries");
        }
        else
        {
            for (var i = 0; i < request.Offsets.Count; i++)
            {
                var o = request.Offsets[i];
                if (o <= Duration.Zero || o > ReminderSettings.MaxOffset || o.SubsecondTicks != 0 || o.Seconds != 0)
                {
                    errors.Add($"offsets[{i}]", "must be whole minutes, more than 0 and at most P7D");
                }
            }
        }

        if (request.HandoverLead is { } lead && (lead < Duration.Zero || lead > ReminderSettings.MaxOffset || lead.Seconds != 0 || lead.SubsecondTicks != 0))
        {
            errors.Add("handoverLead", "must be whole minutes from 0 to P7D");
        }

        Template(errors, "templateZh", request.TemplateZh);
        Template(errors, "templateEn", request.TemplateEn);
        return errors;
    }

    private static void Template(FieldErrors errors, string field, string? template)
    {
        if (template is null)
        {
            return;
        }

        if (template.Length > 1000 || string.IsNullOrWhiteSpace(template))
        {
            errors.Add(field, "must be 1 to 1000 characters");
            return;
        }

        var unknown = ReminderTemplate.UnknownPlaceholders(template);
        if (unknown.Count > 0)
        {
            errors.Add(field, "uses unknown placeholders: " + string.Join(", ", unknown.Select(p => "{" + p + "}"))
                + "; known: " + string.Join(", ", ReminderTemplate.Placeholders.Order().Select(p => "{" + p + "}")));
        }
    }
}
