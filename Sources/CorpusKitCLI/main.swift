print("corpuskit")
