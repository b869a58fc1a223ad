// Lets WebApplicationFactory<Program> find the entry point from the test project.
public partial class Program;
