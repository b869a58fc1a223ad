using System.Net.Http.Json;
using System.Text.Json;
using Roster.Api.Tests.Infrastructure;
using Roster.Core.Storage.Accounts;
using Roster.Core.Storage.Units;

namespace Roster.Api.Tests.Hardening;

/// <summary>
/// Every operation of the OpenAPI document that names a resource in its path, called by school 1's staff, administrator
/// and supervisor with ids of school 2, and by the bureau's administrator with ids of a school under another root (school 2
/// is inside the bureau's subtree, so the bureau reaches it by right): never a success, never a server error, always
/// problem details, and nothing written anywhere. A new endpoint joins the matrix by being in the document.
/// </summary>
public sealed class RightsMatrixTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private const string OtherRootAdmin = "other-root-admin";

    [Theory]
    [InlineData("staff")]
    [InlineData("admin")]
    [InlineData("school1-supervisor")]
    [InlineData("bureau-admin")]
    public async Task EveryOperation_WithIdsOutsideTheCallersSubtree_IsRefusedAndWritesNothing(string username)
    {
        Dictionary<string, string> ids;
        if (username == "bureau-admin")
        {
            await EnsureAccountAsync(username, api.BureauId, GrantRoles.Admin);
            ids = await OtherRootIdsAsync();
        }
        else
        {
            ids = await School2IdsAsync();
        }

        if (username == "school1-supervisor")
        {
            await EnsureAccountAsync(username, api.School1Id, GrantRoles.Supervisor);
        }

        var client = await api.ClientAsync(username);
        var operations = await OperationsAsync();
        Assert.True(operations.Count > 40, $"only {operations.Count} operations with path parameters in the document");
        var before = await RowCounts.OfAsync(api);
        var failures = new List<string>();
        foreach (var (method, template) in operations)
        {
            var url = Fill(template, ids);
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            if (method is "post" or "put" or "patch")
            {
                request.Content = Json.Raw("{}");
            }

            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500 or 401)
            {
                failures.Add($"{method.ToUpperInvariant()} {url} → {status}");
            }
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" && status != 405)
            {
                failures.Add($"{method.ToUpperInvariant()} {url} → {status} without problem details");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, await RowCounts.OfAsync(api));
    }

    /// <summary>
    /// The ids are real and reachable by right: the unit's own administrator reads each of them, and the bureau's
    /// administrator reads school 2's (inside its subtree), so a refusal in the matrix is the rights check at work.
    /// </summary>
    [Fact]
    public async Task TheMatrixIds_AreReadByTheirOwnAdministrators()
    {
        await EnsureAccountAsync("bureau-admin", api.BureauId, GrantRoles.Admin);
        var otherRoot = await OtherRootIdsAsync();
        var school2 = await School2IdsAsync();
        foreach (var (username, ids) in new[] { (OtherRootAdmin, otherRoot), ("admin2", school2), ("bureau-admin", school2) })
        {
            var client = await api.ClientAsync(username);
            foreach (var url in new[] { $"/api/v1/units/{ids["unit"]}", $"/api/v1/periods/{ids["period"]}", $"/api/v1/people/{ids["person"]}" })
            {
                var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{username} GET {url} → {(int)response.StatusCode}");
            }
        }
    }

    private async Task<List<(string Method, string Template)>> OperationsAsync()
    {
        var document = await api.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var list = new List<(string, string)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Name.StartsWith("/api/v1/", StringComparison.Ordinal) || !path.Name.Contains('{', StringComparison.Ordinal))
            {
                continue;
            }

            list.AddRange(path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => (o.Name, path.Name)));
        }

        return list;
    }

    /// <summary>Each path parameter gets an id of school 2 of the kind the path names (a fresh id where school 2 has none).</summary>
    private static string Fill(string template, Dictionary<string, string> ids)
    {
        var result = template;
        while (result.IndexOf('{', StringComparison.Ordinal) is var start and >= 0)
        {
            var end = result.IndexOf('}', start);
            var name = result[(start + 1)..end].Split(':')[0];
            var before = result[..start].TrimEnd('/');
            var resource = before[(before.LastIndexOf('/') + 1)..];
            var value = name switch
            {
                "unitId" => ids["unit"],
                "periodId" => ids["period"],
                "personId" => ids["person"],
                "slotKey" => "2026-12-05/D/staff/0",
                "token" => "x",
                _ when name == "id" && ids.TryGetValue(resource, out var known) => known,
                _ => Guid.NewGuid().ToString(),
            };
            result = result[..start] + value + result[(end + 1)..];
        }

        return result;
    }

    private async Task<Dictionary<string, string>> School2IdsAsync()
    {
        var admin2 = await api.ClientAsync("admin2");
        var period = await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<Guid?>(w.Connection,
            "SELECT id FROM periods WHERE unit_id = @u LIMIT 1", new { u = api.School2Id }, w.Transaction));
        if (period is null)
        {
            var created = await admin2.PostAsJsonAsync("/api/v1/periods", new { unitId = api.School2Id, name = "二中", firstDay = "2026-12-02", lastDay = "2026-12-04" });
            period = Guid.Parse((await created.BodyAsync()).Id());
        }

        var person = (await admin2.GetFromJsonAsync<JsonElement>($"/api/v1/units/{api.School2Id}/people?limit=1")).GetProperty("items")[0].Id();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["unit"] = api.School2Id.ToString(), ["units"] = api.School2Id.ToString(), ["period"] = period.Value.ToString(),
            ["periods"] = period.Value.ToString(), ["person"] = person, ["people"] = person,
        };
    }

    /// <summary>
    /// A second root (another bureau, as <c>bootstrap --another-root</c> makes) with a school, a period and a person of
    /// its own, made once per fixture; its administrator makes the period and the person through the API.
    /// </summary>
    private async Task<Dictionary<string, string>> OtherRootIdsAsync()
    {
        var schoolId = await api.WithWorkAsync(async w =>
        {
            if (await Dapper.SqlMapper.ExecuteScalarAsync<Guid?>(w.Connection, "SELECT id FROM units WHERE code = 'matrix-school'",
                transaction: w.Transaction) is { } existing)
            {
                return existing;
            }

            var root = await UnitStore.InsertAsync(w, new UnitRow
            {
                Code = "matrix-root", Name = "北城区教育局 Other bureau", TimeZone = "Asia/Shanghai", CreatedAt = ApiFixture.Start,
            }, CancellationToken.None);
            var school = await UnitStore.InsertAsync(w, new UnitRow
            {
                ParentId = root.Id, Code = "matrix-school", Name = "北城中学 Other school", TimeZone = "Asia/Shanghai", CreatedAt = ApiFixture.Start,
            }, CancellationToken.None);
            return school.Id;
        });
        var rootId = await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<Guid>(w.Connection,
            "SELECT parent_id FROM units WHERE id = @schoolId", new { schoolId }, w.Transaction));
        await EnsureAccountAsync(OtherRootAdmin, rootId, GrantRoles.Admin);
        var owner = await api.ClientAsync(OtherRootAdmin);
        var period = await api.WithWorkAsync(w => Dapper.SqlMapper.ExecuteScalarAsync<Guid?>(w.Connection,
            "SELECT id FROM periods WHERE unit_id = @schoolId LIMIT 1", new { schoolId }, w.Transaction));
        if (period is null)
        {
            var created = await owner.PostAsJsonAsync("/api/v1/periods", new { unitId = schoolId, name = "北城 other", firstDay = "2026-12-02", lastDay = "2026-12-04" });
            Assert.True(created.IsSuccessStatusCode, $"period: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            period = Guid.Parse((await created.BodyAsync()).Id());
        }

        var people = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/units/{schoolId}/people?limit=1")).GetProperty("items");
        string person;
        if (people.GetArrayLength() > 0)
        {
            person = people[0].Id();
        }
        else
        {
            var created = await owner.PostAsJsonAsync($"/api/v1/units/{schoolId}/people", new { name = "北城老师 Other teacher", roles = new[] { "staff" } });
            Assert.True(created.IsSuccessStatusCode, $"person: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            person = (await created.BodyAsync()).Id();
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["unit"] = schoolId.ToString(), ["units"] = schoolId.ToString(), ["period"] = period.Value.ToString(),
            ["periods"] = period.Value.ToString(), ["person"] = person, ["people"] = person,
        };
    }

    private async Task EnsureAccountAsync(string username, Guid unitId, string role)
    {
        var exists = await api.WithWorkAsync(async w => await AccountStore.FindByUsernameAsync(w, username, CancellationToken.None) is not null);
        if (!exists)
        {
            await api.CreateAccountAsync(username, null, unitId, role);
        }
    }
}
