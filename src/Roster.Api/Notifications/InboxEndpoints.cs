using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Roster.Api.Access;
using Roster.Api.Auditing;
using Roster.Api.Paging;
using Roster.Api.Problems;
using Roster.Api.Requests;
using Roster.Core.Notifications;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Notifications;
using Roster.Core.Storage.People;

namespace Roster.Api.Notifications;

/// <summary>The signed-in account's inbox and channel choices.</summary>
internal static class InboxEndpoints
{
    public static void MapInbox(this ApiGroups groups)
    {
        var me = groups.Work.MapGroup("/me").WithTags("Notifications");
        me.MapGet("/notifications", ListAsync);
        me.MapPost("/notifications/{id:long}/read", ReadAsync);
        me.MapGet("/notification-preferences", GetPreferencesAsync);
        me.MapPut("/notification-preferences", PutPreferencesAsync);
    }

    /// <summary>Newest first; <c>unread=true</c> leaves out what was read.</summary>
    private static async Task<Results<Ok<Page<InboxResponse>>, ProblemHttpResult>> ListAsync(
        bool? unread, string? limit, string? after, AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        if (!PageRequest.TryParse(limit, after, out var page, out var problem))
        {
            return problem;
        }

        if (page.After is not null && page.AfterNumber is null)
        {
            return ApiProblems.Invalid("after", "is not a cursor returned by this list");
        }

        var work = transaction.Work;
        var account = await AccountStore.FindAsync(work, access.AccountId, ct);
        var rows = await InboxStore.ListAsync(work, access.AccountId, account?.PersonId, unread == true, page.AfterNumber, page.Limit + 1, ct);
        return TypedResults.Ok(Page.Of(rows, page.Limit, r => r.Id.ToString(CultureInfo.InvariantCulture), InboxResponse.From));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(
        long id, AccessScope access, IClock clock, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var account = await AccountStore.FindAsync(work, access.AccountId, ct);
        if (!await InboxStore.MarkReadAsync(work, access.AccountId, account?.PersonId, id, clock.GetCurrentInstant(), ct))
        {
            return ApiProblems.NotFound("notification");
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PreferencesResponse>, ProblemHttpResult>> GetPreferencesAsync(
        AccessScope access, RequestWork transaction, CancellationToken ct)
    {
        var work = transaction.Work;
        var account = await AccountStore.FindAsync(work, access.AccountId, ct);
        if (account?.PersonId is not { } personId)
        {
            return ApiProblems.NotFound("person for this account");
        }

        return TypedResults.Ok(new PreferencesResponse(personId, await PreferenceStore.GetAsync(work, personId, ct)));
    }

    private static async Task<Results<Ok<PreferencesResponse>, ProblemHttpResult>> PutPreferencesAsync(
        PreferencesRequest request, AccessScope access, Auditor audit, RequestWork transaction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Channels is null)
        {
            errors.Add("channels", "is required");
        }
        else
        {
            for (var i = 0; i < request.Channels.Count; i++)
            {
                if (!NotificationChannels.Personal.Contains(request.Channels[i]))
                {
                    errors.Add($"channels[{i}]", "must be inbox or email");
                }
            }
        }

        if (errors.Any)
        {
            return ApiProblems.Invalid(errors);
        }

        var work = transaction.Work;
        var account = await AccountStore.FindAsync(work, access.AccountId, ct);
        if (account?.PersonId is not { } personId)
        {
            return ApiProblems.NotFound("person for this account");
        }

        var channels = request.Channels!.Distinct().ToList();
        var before = new PreferencesResponse(personId, await PreferenceStore.GetAsync(work, personId, ct));
        await PreferenceStore.SaveAsync(work, personId, channels, ct);
        var person = await PersonStore.FindAsync(work, personId, ct);
        await audit.RecordAsync(work, person?.UnitId, "notification-preferences", personId, "update", before, new PreferencesResponse(personId, channels), ct);
        return TypedResults.Ok(new PreferencesResponse(personId, channels));
    }
}
