"""Arabic text basics: matching normaliser, tokens with clitics, sentences, numerals."""
