#include "cmd.h"
int cmd_remove(int argc, char **argv) { usage(); }
int cmd_stats(int argc, char **argv) { usage(); }
