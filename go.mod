module github.com/gen-dossier/gen

go 1.26
