namespace Roster.Core.Model;

/// <summary>How a person is employed. Staff duty defaults to <see cref="Formal"/> only (正式工作人员).</summary>
public enum EmploymentType
{
    Formal,
    Contract,
    Temporary,
}
