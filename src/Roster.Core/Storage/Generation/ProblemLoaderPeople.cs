using Roster.Core.Storage.People;

namespace Roster.Core.Storage.Generation;

/// <summary>The people of a unit by id, for naming them in roster views.</summary>
public static class ProblemLoaderPeople
{
    public static async Task<IReadOnlyDictionary<Guid, PersonRow>> ForUnitAsync(DbWork work, Guid unitId, CancellationToken ct)
    {
        var all = new Dictionary<Guid, PersonRow>();
        Guid? after = null;
        while (true)
        {
            var page = await PersonStore.ListAsync(work, unitId, null, null, after, 500, ct);
            foreach (var p in page)
            {
                all[p.Id] = p;
            }

            if (page.Count < 500)
            {
                return all;
            }

            after = page[^1].Id;
        }
    }
}
