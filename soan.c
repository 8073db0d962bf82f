/* soan.c - the program: main() runs the command line of cli/commands.c,
 * which tests and fuzzers call in-process through soan_main(). */
#include "soan.h"

int main(int argc, char **argv)
{
	return soan_main(argc, argv, stderr);
}
