Console.WriteLine("ShoppableVideo");
