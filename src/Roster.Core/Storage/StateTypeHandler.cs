using System.Data;
using Dapper;
using Roster.Core.Model;

namespace Roster.Core.Storage;

/// <summary>Lets Dapper read and write a state type (<see cref="IState{TSelf}"/>) as its code, a text column.</summary>
/// <remarks>States are classes, not enums: Dapper bypasses type handlers for enums, which would leave the spelling to its name-parsing.</remarks>
internal sealed class StateTypeHandler<T> : SqlMapper.TypeHandler<T>
    where T : class, IState<T>
{
    public override void SetValue(IDbDataParameter parameter, T? value) => parameter.Value = (object?)value?.Code ?? DBNull.Value;

    public override T Parse(object value) => StateCodes.Parse<T>((string)value);
}
