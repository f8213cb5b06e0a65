haрі#інің<	-t<te	-x
