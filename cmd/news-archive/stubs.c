#include "cmd.h"
int cmd_get(int argc, char **argv) { usage(); }
int cmd_search(int argc, char **argv) { usage(); }
int cmd_export(int argc, char **argv) { usage(); }
int cmd_remove(int argc, char **argv) { usage(); }
int cmd_stats(int argc, char **argv) { usage(); }
