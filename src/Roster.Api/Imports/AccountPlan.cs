namespace Roster.Api.Imports;

/// <summary>The accounts a people import will create, and how many rows name an account their person already has.</summary>
internal sealed class AccountPlan
{
    public List<PlannedPerson> Create { get; } = [];

    public int Unchanged { get; set; }

    public int Created => Create.Count;
}
