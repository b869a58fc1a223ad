using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage.Duty;

namespace Roster.Api.Units;

/// <summary>Per-unit duty settings (check-in window, swap approval, automatic standby step-in): read by the unit, changed by its admins with If-Match.</summary>
internal static class DutySettingsEndpoints
{
    private static readonly Duration MaxWindow = Duration.FromHours(24);

    public static void MapDutySettings(this ApiGroups groups)
    {
        groups.Work.MapGet("/units/{unitId:guid}/duty-settings", GetAsync).WithTags("Units");
        groups.Work.MapPut("/units/{unitId:guid}/duty-settings", PutAsync).WithTags("Units");
    }

    private static async Task<Results<Ok<DutySettingsResponse>, ProblemHttpResult>> GetAsync(
        Guid unitId, HttpResponse response, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if (!await access.CanReadAsync(work, unitId, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        var settings = await DutySettingsStore.ForUnitAsync(work, unitId, ct);
        ETags.Set(response, settings.Version);
        return TypedResults.Ok(DutySettingsResponse.From(settings));
    }

    private static async Task<Results<Ok<DutySettingsResponse>, ProblemHttpResult>> PutAsync(
        Guid unitId, DutySettingsRequest request, HttpRequest http, HttpResponse response, AccessScope access, Auditor audit,
        RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Window(errors, "checkInOpensBefore", request.CheckInOpensBefore);
        Window(errors, "checkInClosesAfter", request.CheckInClosesAfter);
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
            return ApiProblems.Forbidden("Only an administrator of this unit may change its duty settings.");
        }

        var before = await DutySettingsStore.ForUnitAsync(work, unitId, ct);
        if (ETags.Precondition(http, before.Version) is { } failed)
        {
            return failed;
        }

        var after = new DutySettingsRow
        {
            UnitId = unitId,
            CheckInOpensBefore = request.CheckInOpensBefore is { } open ? Period.FromSeconds((long)open.TotalSeconds) : before.CheckInOpensBefore,
            CheckInClosesAfter = request.CheckInClosesAfter is { } close ? Period.FromSeconds((long)close.TotalSeconds) : before.CheckInClosesAfter,
            SwapNeedsApproval = request.SwapNeedsApproval ?? before.SwapNeedsApproval,
            StandbyStepsIn = request.StandbyStepsIn ?? before.StandbyStepsIn,
            Version = before.Version,
        };
        if (!await DutySettingsStore.SaveAsync(work, after, ct))
        {
            return ApiProblems.Stale();
        }

        var saved = await DutySettingsStore.ForUnitAsync(work, unitId, ct);
        var body = DutySettingsResponse.From(saved);
        await audit.RecordAsync(work, unitId, "duty-settings", unitId, "update", DutySettingsResponse.From(before), body, ct);
        ETags.Set(response, saved.Version);
        return TypedResults.Ok(body);
    }

    private static void Window(FieldErrors errors, string field, Duration? value)
    {
        if (value is { } v && (v < Duration.Zero || v > MaxWindow || v.SubsecondTicks != 0))
        {
            errors.Add(field, "must be whole seconds from PT0S to PT24H");
        }
    }
}
