using System.CommandLine;
using SweepGrid.Store;

namespace SweepGrid.Cli;

/// <summary>
/// Parses and runs one command with the exit codes the README promises: a command line that does not parse
/// (an unknown option or command, a missing argument) is 2 with System.CommandLine's message; a store that
/// fails (unreachable, disk full, read-only) is 1 with the store's message; an unchecked argument is 2;
/// anything else unexpected is 1 with its message. No stack trace reaches the console.
/// </summary>
public static class CliInvocation
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"sweepgrid: {problem.Message}");
            }
            var command = parse.CommandResult.Command;
            error.WriteLine($"see `sweepgrid {(command is RootCommand ? "" : command.Name + " ")}--help`");
            return ExitCodes.InvalidInput;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            error.WriteLine($"sweepgrid: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // Input the command did not check itself (e.g. a malformed --db value).
            error.WriteLine($"sweepgrid: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last line of defence: a message, never a stack trace (SWEEPGRID_TRACE=1 shows it for debugging).
            error.WriteLine($"sweepgrid: {e.Message} ({e.GetType().Name})");
            if (Environment.GetEnvironmentVariable("SWEEPGRID_TRACE") == "1")
            {
                error.WriteLine(e.ToString());
            }
            return ExitCodes.Failure;
        }
    }
}
