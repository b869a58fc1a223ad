using Roster.Core.Storage;

namespace Roster.Api.Requests;

/// <summary>
/// The request's transaction (scoped): opened by <see cref="UnitOfWorkFilter"/> before the handler runs and ended by it
/// after, so handlers of a group that has the filter read <see cref="Work"/> and never begin or commit one themselves.
/// </summary>
internal sealed class RequestWork
{
    private DbWork? _work;

    public DbWork Work => _work ?? throw new InvalidOperationException("This endpoint's group has no unit-of-work filter.");

    internal void Open(DbWork work) => _work = work;
}
