using System.CommandLine;
using SweepGrid.Cli.Studies;
using SweepGrid.Sweeps;

namespace SweepGrid.Cli.Commands;

/// <summary>`sweepgrid validate FILE [--profile P]`: what the spec expands to, or every error with its position.</summary>
public static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The sweep spec (YAML)." };
        var profile = new Option<string?>("--profile") { Description = "A profile of the spec, e.g. quick." };
        var command = new Command("validate", "Check a sweep spec and print what it expands to.") { file, profile };
        command.SetAction(parse =>
        {
            try
            {
                var spec = SweepSpec.Load(parse.GetValue(file)!);
                var plan = StudyFiles.ExpandForValidation(spec, parse.GetValue(profile));
                foreach (var line in plan.Summary.Describe())
                {
                    output.WriteLine(line);
                }
                return ExitCodes.Success;
            }
            catch (SpecException e)
            {
                foreach (var problem in e.Errors)
                {
                    error.WriteLine(problem.ToString());
                }
                error.WriteLine($"{e.Errors.Count} error(s)");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }
}
