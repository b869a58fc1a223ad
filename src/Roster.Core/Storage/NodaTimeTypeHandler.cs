using System.Data;
using Dapper;

namespace Roster.Core.Storage;

/// <summary>
/// Lets Dapper pass NodaTime values to Npgsql untouched. Without it Dapper refuses NodaTime parameters,
/// and reads such as <c>QuerySingle&lt;Instant&gt;</c> silently return the default value.
/// </summary>
internal sealed class NodaTimeTypeHandler<T> : SqlMapper.TypeHandler<T>
{
    public override void SetValue(IDbDataParameter parameter, T? value) => parameter.Value = value;

    public override T Parse(object value) => (T)value;
}
