using System.Data;
using Dapper;

namespace Roster.Core.Storage;

/// <summary>Reads and writes a closed status type (swap, leave) as its text spelling, the one the database stores.</summary>
internal sealed class StatusTypeHandler<T>(Func<string, T> parse, Func<T, string> spell) : SqlMapper.TypeHandler<T>
    where T : class
{
    public override void SetValue(IDbDataParameter parameter, T? value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = value is null ? DBNull.Value : spell(value);
    }

    public override T Parse(object value) => parse((string)value);
}
