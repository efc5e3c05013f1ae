using Analytics.Etl.Cli;

return EtlProgram.Execute(args, Console.Out, Console.Error);
