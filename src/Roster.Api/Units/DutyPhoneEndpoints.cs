using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Storage.Duty;

namespace Roster.Api.Units;

/// <summary>A unit's duty office phone (值班室电话), shown on the on-duty board: read by whoever sees the unit, set by its admins.</summary>
internal static class DutyPhoneEndpoints
{
    public static void MapDutyPhones(this ApiGroups groups)
    {
        groups.Work.MapGet("/units/{id:guid}/duty-phone", GetAsync).WithTags("Units");
        groups.Work.MapPut("/units/{id:guid}/duty-phone", PutAsync).WithTags("Units");
    }

    private static async Task<Results<Ok<DutyPhoneResponse>, ProblemHttpResult>> GetAsync(
        Guid id, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        if (!await access.CanReadAsync(work, id, ct) || !await DutyPhoneStore.ExistsAsync(work, id, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        return TypedResults.Ok(new DutyPhoneResponse(id, await DutyPhoneStore.FindAsync(work, id, ct)));
    }

    private static async Task<Results<Ok<DutyPhoneResponse>, ProblemHttpResult>> PutAsync(
        Guid id, DutyPhoneRequest request, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var phone = errors.OptionalText("dutyPhone", request.DutyPhone, 40);
        if (phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')'))
        {
            errors.Add("dutyPhone", "may contain only digits, spaces and + - ( )");
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        if (!await access.CanReadAsync(work, id, ct) || !await DutyPhoneStore.ExistsAsync(work, id, ct))
        {
            return ApiProblems.NotFound("unit");
        }

        if (!await access.CanAdministerAsync(work, id, ct))
        {
            return ApiProblems.Forbidden("Only an administrator of this unit or a unit above it may change its duty phone.");
        }

        var before = new DutyPhoneResponse(id, await DutyPhoneStore.FindAsync(work, id, ct));
        await DutyPhoneStore.SetAsync(work, id, phone, ct);
        var after = new DutyPhoneResponse(id, phone);
        await audit.RecordAsync(work, id, "unit", id, "set-duty-phone", before, after, ct);
        return TypedResults.Ok(after);
    }
}
