using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;

namespace Roster.Api.Tests.Accounts;

/// <summary>
/// Who manages which accounts, on the demo: admin administers school 1, admin2 school 2, supervisor supervises the
/// bureau, staff is duty staff of school 1. Every refusal writes nothing.
/// </summary>
public sealed class AccountRightsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task SchoolAdmin_ListsOnlyAccountsOfTheSchool_AndNotOtherUnits()
    {
        var admin = await api.ClientAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/accounts");
        var names = list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("username").GetString()).ToList();
        Assert.Contains("staff", names);
        Assert.DoesNotContain("admin2", names);
        Assert.DoesNotContain("supervisor", names);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/api/v1/accounts?unit={api.School2Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/api/v1/accounts?unit={api.BureauId}", UriKind.Relative))).StatusCode);
        var admin2Id = await AccountIdAsync("admin2");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/api/v1/accounts/{admin2Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SchoolAdmin_CreateWithGrantOutsideTheSchool_Answers404AndWritesNothing()
    {
        var admin = await api.ClientAsync("admin");
        foreach (var unit in new[] { api.School2Id, api.BureauId, Guid.NewGuid() })
        {
            var audits = await CountAsync("SELECT count(*) FROM audit_log");
            var response = await admin.PostAsJsonAsync("/api/v1/accounts", new
            {
                username = "outsider", displayName = "Outsider", grants = new[] { new { unitId = unit, role = "staff" } },
            });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("grants[0].unitId", await response.ErrorFieldsAsync());
            Assert.Equal(0, await CountAsync("SELECT count(*) FROM accounts WHERE username = 'outsider'"));
            Assert.Equal(audits, await CountAsync("SELECT count(*) FROM audit_log"));
        }
    }

    [Fact]
    public async Task SchoolAdmin_GrantsARoleItDoesNotHold_Answers403AndWritesNothing()
    {
        var admin = await api.ClientAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            username = "would-be-supervisor", displayName = "X", grants = new[] { new { unitId = api.School1Id, role = "supervisor" } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM accounts WHERE username = 'would-be-supervisor'"));

        var staffId = await AccountIdAsync("staff");
        var grants = await GrantsAsync(staffId);
        var raise = await admin.PutJsonAsync($"/api/v1/accounts/{staffId}/grants", new[] { new { unitId = api.School1Id, role = "supervisor" } });
        Assert.Equal(HttpStatusCode.Forbidden, raise.StatusCode);
        var outside = await admin.PutJsonAsync($"/api/v1/accounts/{staffId}/grants", new[]
        {
            new { unitId = api.School1Id, role = "staff" }, new { unitId = api.School2Id, role = "staff" },
        });
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(grants, await GrantsAsync(staffId));
    }

    [Fact]
    public async Task SchoolAdmin_ResetOrChangeOfAnAccountOutside_Answers404AndChangesNothing()
    {
        var admin = await api.ClientAsync("admin");
        foreach (var username in new[] { "admin2", "supervisor" })
        {
            var id = await AccountIdAsync(username);
            var hash = await HashAsync(id);
            Assert.Equal(HttpStatusCode.NotFound,
                (await admin.PostAsync(new Uri($"/api/v1/accounts/{id}:reset-password", UriKind.Relative), null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await admin.PutJsonAsync($"/api/v1/accounts/{id}", new { displayName = "taken over", active = false })).StatusCode);
            Assert.Equal(hash, await HashAsync(id));
            Assert.Equal(1, await CountAsync($"SELECT count(*) FROM accounts WHERE id = '{id}' AND active AND display_name <> 'taken over'"));
        }
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("supervisor")]
    public async Task NonAdministrator_CannotManageAccounts_403(string username)
    {
        var client = await api.ClientAsync(username);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/api/v1/accounts", UriKind.Relative))).StatusCode);
        var create = await client.PostAsJsonAsync("/api/v1/accounts", new
        {
            username = "by-" + username, displayName = "X", grants = new[] { new { unitId = api.School1Id, role = "staff" } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        var staffId = await AccountIdAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.PostAsync(new Uri($"/api/v1/accounts/{staffId}:reset-password", UriKind.Relative), null)).StatusCode);
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM accounts WHERE username = 'by-{username}'"));
    }

    [Fact]
    public async Task SchoolAdmin_ManagesAnAccountOfTheSchool_AndEveryChangeIsAuditedWithoutSecrets()
    {
        var admin = await api.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            username = "li.na", displayName = "李娜", grants = new[] { new { unitId = api.School1Id, role = "staff" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.BodyAsync();
        var id = body.GetProperty("account").Id();
        var oneTime = body.GetProperty("oneTimePassword").GetString()!;

        var read = await admin.GetAsync(new Uri($"/api/v1/accounts/{id}", UriKind.Relative));
        var etag = read.Headers.ETag!.Tag;
        var granted = await admin.PutJsonAsync($"/api/v1/accounts/{id}/grants", new[]
        {
            new { unitId = api.School1Id, role = "staff" }, new { unitId = api.School1Id, role = "admin" },
        }, etag);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(2, (await granted.BodyAsync()).GetProperty("grants").GetArrayLength());
        // The old ETag is stale now.
        Assert.Equal(HttpStatusCode.PreconditionFailed,
            (await admin.PutJsonAsync($"/api/v1/accounts/{id}", new { displayName = "李娜", active = true }, etag)).StatusCode);

        var reset = await admin.PostAsync(new Uri($"/api/v1/accounts/{id}:reset-password", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var secondOneTime = (await reset.BodyAsync()).GetProperty("oneTimePassword").GetString()!;
        Assert.NotEqual(oneTime, secondOneTime);

        var audit = await api.WithWorkAsync(async w => (await Dapper.SqlMapper.QueryAsync<(string Action, string After)>(w.Connection,
            "SELECT action, coalesce(after::text, '') FROM audit_log WHERE entity = 'account' AND entity_id = @id ORDER BY id",
            new { id }, w.Transaction)).ToList());
        Assert.Equal(["create", "grants", "reset-password"], audit.Select(a => a.Action));
        var hash = await HashAsync(Guid.Parse(id));
        Assert.All(audit, a =>
        {
            Assert.DoesNotContain(oneTime, a.After, StringComparison.Ordinal);
            Assert.DoesNotContain(secondOneTime, a.After, StringComparison.Ordinal);
            Assert.DoesNotContain(hash, a.After, StringComparison.Ordinal);
            Assert.DoesNotContain("hash", a.After, StringComparison.OrdinalIgnoreCase);
        });
    }

    private Task<Guid> AccountIdAsync(string username) => api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<Guid>(
        w.Connection, "SELECT id FROM accounts WHERE username = @username", new { username }, w.Transaction));

    private Task<string> HashAsync(Guid id) => api.WithWorkAsync(async w => (await Dapper.SqlMapper.ExecuteScalarAsync<string>(
        w.Connection, "SELECT password_hash FROM accounts WHERE id = @id", new { id }, w.Transaction))!);

    private Task<string> GrantsAsync(Guid id) => api.WithWorkAsync(async w => string.Join(';', await Dapper.SqlMapper.QueryAsync<string>(
        w.Connection, "SELECT unit_id || ':' || role FROM grants WHERE account_id = @id ORDER BY 1", new { id }, w.Transaction)));

    private Task<long> CountAsync(string sql) =>
        api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<long>(w.Connection, sql, transaction: w.Transaction));
}
