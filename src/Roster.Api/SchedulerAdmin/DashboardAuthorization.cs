using System.Security.Claims;
using Hangfire.Dashboard;
using Npgsql;
using Roster.Core.Storage;
using Roster.Core.Storage.Accounts;

namespace Roster.Api.SchedulerAdmin;

/// <summary>The Hangfire dashboard is for accounts that administer at least one unit.</summary>
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
        await using var work = await DbWork.BeginAsync(db, http.RequestAborted).ConfigureAwait(false);
        return (await AccessStore.SubtreesOfGrantsAsync(work, accountId, [GrantRoles.Admin], http.RequestAborted).ConfigureAwait(false)).Count > 0;
    }
}
