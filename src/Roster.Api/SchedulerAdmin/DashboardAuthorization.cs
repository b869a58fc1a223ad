using System.Security.Claims;
using Hangfire.Dashboard;
using Npgsql;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Units;

namespace Roster.Api.SchedulerAdmin;

/// <summary>
/// The Hangfire dashboard shows every unit's deliveries, so only administrators of a top unit (one without a parent)
/// may open it; it is read-only for them too.
/// </summary>
internal sealed class DashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true || !Guid.TryParse(http.User.FindFirstValue("sub"), out var accountId))
        {
            return false;
        }

        var db = http.RequestServices.GetRequiredService<NpgsqlDataSource>();
        await using var work = await DbWork.BeginAsync(db, http.RequestAborted);
        foreach (var grant in await AccountStore.GrantsAsync(work, accountId, http.RequestAborted))
        {
            if (grant.Role == GrantRoles.Admin
                && await UnitStore.FindAsync(work, grant.UnitId, http.RequestAborted) is { ParentId: null })
            {
                return true;
            }
        }

        return false;
    }
}
